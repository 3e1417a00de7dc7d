/* mkdocs-interview: play from here. A click on a timestamp plays the page's recording from
 * that moment, in the page, and the turn being spoken is highlighted while it plays. Without
 * this script the page works all the same: the player plays, and each timestamp is a link to
 * its moment of the recording. Safe to run more than once (Material's instant navigation runs
 * it again with each page it swaps in). */
(function () {
  "use strict";
  var PLAYING = "interview-playing";
  var DURATION = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/;

  /* Seconds into the recording of a timestamp: its <time datetime="PT1H4M22S">. */
  function secondsOf(stamp) {
    var time = stamp.matches("time") ? stamp : stamp.querySelector("time[datetime]");
    var parts = time && DURATION.exec(time.getAttribute("datetime") || "");
    if (!parts) return null;
    return (+parts[1] || 0) * 3600 + (+parts[2] || 0) * 60 + (+parts[3] || 0);
  }

  function playerOf(root) {
    return root.querySelector(".interview-player");
  }

  /* A provider's player, at `seconds`: its own URL parameter (YouTube) or fragment (Vimeo). */
  function embedAt(src, seconds) {
    var url = new URL(src, document.baseURI);
    var at = Math.floor(seconds);
    url.searchParams.set("autoplay", "1");
    if (/(^|\.)vimeo\.com$/.test(url.hostname)) url.hash = "t=" + at + "s";
    else url.searchParams.set("start", String(at));
    return url.href;
  }

  function loadEmbed(box, seconds) {
    var template = box.querySelector("template.interview-player-embed");
    if (!template) return null;
    var frame = template.content.querySelector("iframe");
    if (!frame) return null;
    frame = document.importNode(frame, true);
    if (seconds) frame.src = embedAt(frame.getAttribute("src"), seconds);
    var button = box.querySelector(".interview-player-load");
    if (button) button.remove();
    template.replaceWith(frame);
    return frame;
  }

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target instanceof Element && event.target.closest("a.interview-time");
    var box = link && playerOf(document);
    var seconds = box && secondsOf(link);
    if (seconds === null || seconds === undefined || seconds === false) return;
    var media = box.querySelector("audio, video");
    var frame = box.querySelector("iframe");
    if (media) {
      event.preventDefault();
      media.currentTime = seconds;
      var played = media.play();
      if (played && played.catch) played.catch(function () {});
    } else if (frame) {
      event.preventDefault();
      frame.src = embedAt(frame.src, seconds);
    } else {
      return; // the provider's player is not loaded: the link goes to the provider
    }
    box.scrollIntoView({ block: "nearest" });
  }

  /* The turn (or, in a transcript without turns, the paragraph) each timestamp opens. */
  function moments(root) {
    var found = [];
    root.querySelectorAll(".interview-time").forEach(function (stamp) {
      var seconds = secondsOf(stamp);
      var spoken = stamp.closest(".interview-turn") || stamp.closest("p");
      if (seconds !== null && spoken) found.push({ at: seconds, spoken: spoken });
    });
    return found;
  }

  function follow(media, root) {
    var marks = moments(root);
    var shown = null;
    function show() {
      var now = media.currentTime + 0.25, best = null;
      marks.forEach(function (mark) {
        if (mark.at <= now && (!best || mark.at >= best.at)) best = mark;
      });
      var spoken = best && (!media.paused || media.currentTime > 0) ? best.spoken : null;
      if (spoken === shown) return;
      if (shown) {
        shown.classList.remove(PLAYING);
        shown.removeAttribute("aria-current");
      }
      if (spoken) {
        spoken.classList.add(PLAYING);
        spoken.setAttribute("aria-current", "time");
      }
      shown = spoken;
    }
    ["timeupdate", "seeked", "play", "emptied"].forEach(function (name) {
      media.addEventListener(name, show);
    });
  }

  function setUp() {
    var box = playerOf(document);
    if (!box || box.hasAttribute("data-ready")) return;
    box.setAttribute("data-ready", "");
    var media = box.querySelector("audio, video");
    if (media) {
      follow(media, document);
      return;
    }
    var button = box.querySelector(".interview-player-load");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        loadEmbed(box, 0);
      });
    }
  }

  if (!window.interviewPlayer) {
    window.interviewPlayer = { setUp: setUp };
    document.addEventListener("click", onClick);
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(setUp); // each page Material's instant navigation swaps in
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
