// Measurements taken inside the page, returned to the tests as JSON by `page.evaluate`.
// The tests add this file to every page as an init script: it defines `window.interviewProbes`.
(() => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const context = canvas.getContext("2d", { willReadFrequently: true });

  // Any CSS colour (rgb(), color(srgb …), oklab() from color-mix …) as [r, g, b, alpha],
  // by painting it: the canvas does the parsing and the conversion to sRGB.
  function rgba(colour) {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = "rgba(0, 0, 0, 0)";
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  }

  function over(top, bottom) {
    const alpha = top[3] + bottom[3] * (1 - top[3]);
    if (alpha === 0) return [0, 0, 0, 0];
    const mix = (i) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / alpha;
    return [mix(0), mix(1), mix(2), alpha];
  }

  // The colour behind an element: its own background and its ancestors', composited
  // from the first opaque one up, over a white canvas.
  function backgroundOf(element) {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reverse().reduce((bottom, top) => over(top, bottom), [255, 255, 255, 1]);
  }

  function luminance([r, g, b]) {
    const channel = (value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  }

  function ratio(foreground, background) {
    const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  }

  function describe(element) {
    const classes = [...element.classList].map((name) => `.${name}`).join("");
    const shown = element.textContent.trim() || element.dataset.initials || "";
    const text = shown.replace(/\s+/g, " ").slice(0, 40);
    return `${element.tagName.toLowerCase()}${classes} "${text}"`;
  }

  function visible(element) {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden";
  }

  function ownText(element) {
    return [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim(),
    );
  }

  // What a measured text belongs to, so a test can tell that each part was measured.
  const PARTS = [
    ".interview-avatar", ".interview-speaker", ".interview-turn",
    ".interview-card", ".interview-meta", ".interview-tag-index", ".interview-people",
    ".interview-person",
  ];

  // Contrast of every element with its own text under `selectors`, and of each avatar's
  // initials (drawn by the turn's ::before). `against` "white" measures text as printed
  // without backgrounds.
  function contrast(selectors, against = "page") {
    const results = [];
    const seen = new Set();
    for (const root of document.querySelectorAll(selectors)) {
      for (const element of [root, ...root.querySelectorAll("*")]) {
        if (seen.has(element) || !visible(element)) continue;
        seen.add(element);
        const initials = element.matches(".interview-turn") && !photoOf(element);
        if (initials) {
          const style = getComputedStyle(element, "::before");
          const background =
            against === "white"
              ? [255, 255, 255, 1]
              : over(rgba(style.backgroundColor), backgroundOf(element));
          results.push({
            element: `${describe(element)}::before "${element.dataset.initials}"`,
            part: ".interview-avatar",
            ratio: ratio(over(rgba(style.color), background), background),
          });
        }
        if (!ownText(element)) continue;
        const background =
          against === "white" ? [255, 255, 255, 1] : backgroundOf(element);
        const foreground = over(rgba(getComputedStyle(element).color), background);
        results.push({
          element: describe(element),
          part: PARTS.find((part) => element.closest(part)) ?? null,
          ratio: ratio(foreground, background),
        });
      }
    }
    return results;
  }

  function photoOf(turn) {
    return turn.querySelector(":scope > img.interview-avatar");
  }

  // A turn's avatar: its photo, or the initials the turn's ::before draws, whose box the page
  // does not expose: it is found from the pseudo-element's size and used offsets, which are
  // from the turn's padding box.
  function avatarOf(turn) {
    const photo = photoOf(turn);
    if (photo) {
      const style = getComputedStyle(photo);
      return { box: box(photo), style, element: photo };
    }
    const turnStyle = getComputedStyle(turn);
    const style = getComputedStyle(turn, "::before");
    const width = parseFloat(style.width);
    const height = parseFloat(style.height);
    const outer = turn.getBoundingClientRect();
    const left = outer.left + parseFloat(turnStyle.borderLeftWidth) + parseFloat(style.left);
    const top = outer.top + parseFloat(turnStyle.borderTopWidth) + parseFloat(style.top);
    return {
      box: { left, right: left + width, top, bottom: top + height, width, height },
      style,
      element: turn,
    };
  }

  function box(element) {
    const { left, right, top, bottom, width, height } = element.getBoundingClientRect();
    return { left, right, top, bottom, width, height };
  }

  // Each turn's side, its bubble's box (the turn's own), its avatar's box and its chat
  // region's box.
  function turns() {
    return [...document.querySelectorAll(".interview-turn")].map((turn) => ({
      id: turn.id,
      side: turn.dataset.side,
      chat: box(turn.closest(".interview")),
      body: box(turn),
      // a turn that continues its speaker's shows no avatar
      avatar: turn.classList.contains("interview-continued") ? null : avatarOf(turn).box,
    }));
  }

  // Each avatar's box once scrolled into view, and whether all of it is in the viewport.
  // A turn that continues its speaker's shows no avatar of its own.
  function avatars() {
    return [...document.querySelectorAll(".interview-turn:not(.interview-continued)")].map((turn) => {
      // Centred in the viewport; "instant": themes such as mkdocs (Bootstrap) make
      // scrolling smooth, hence late
      const before = avatarOf(turn).box;
      const middle = (before.top + before.bottom) / 2;
      window.scrollBy({ top: middle - innerHeight / 2, behavior: "instant" });
      const { box: seen, style, element } = avatarOf(turn);
      const initialsShown = element !== turn || (style.content !== "none" && style.content !== "normal");
      return {
        turn: turn.id,
        box: seen,
        shown:
          initialsShown &&
          style.visibility !== "hidden" && style.display !== "none" && style.opacity !== "0",
        inViewport:
          seen.left >= 0 && seen.top >= 0 &&
          seen.right <= innerWidth && seen.bottom <= innerHeight,
      };
    });
  }

  function overflow() {
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth };
  }

  // Elements of `selectors` whose content is wider than their box.
  function clipped(selectors) {
    return [...document.querySelectorAll(selectors)]
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => ({
        element: describe(element),
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
      }));
  }

  // axe-core's violations (axe.min.js injected first), one entry per element, each marked
  // `ours` when it lies inside the plugin's markup (`selectors`).
  async function axeViolations(selectors) {
    const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
    return violations.flatMap((violation) =>
      violation.nodes.map((node) => {
        const target = node.target.length === 1 ? node.target[0] : null;
        const element = typeof target === "string" ? document.querySelector(target) : null;
        return {
          rule: violation.id,
          help: violation.help,
          target: node.target.join(" "),
          html: node.html,
          ours: Boolean(element && element.closest(selectors)),
        };
      }),
    );
  }

  // The plugin's elements (a class that starts with `interview`) that are laid out but show
  // nothing: no text, no image.
  function empty() {
    return [...document.querySelectorAll("[class^='interview'], [class*=' interview']")]
      .filter((element) => getComputedStyle(element).display !== "none")
      .filter((element) => element.tagName !== "IMG" && !element.querySelector("img, svg"))
      .filter((element) => !element.textContent.trim())
      .map(describe);
  }

  // Each turn's bubble: its box, padding and border, its background over the page, its
  // name's colour and box, and the box of its last block.
  function bubbles() {
    return [...document.querySelectorAll(".interview-turn")].map((turn) => {
      const style = getComputedStyle(turn);
      const name = turn.querySelector(":scope > .interview-speaker");
      const last = turn.lastElementChild;
      return {
        id: turn.id,
        speaker: turn.dataset.speaker,
        side: turn.dataset.side,
        continued: turn.classList.contains("interview-continued"),
        box: box(turn),
        chat: box(turn.closest(".interview")),
        paddingBottom: parseFloat(style.paddingBottom),
        borderBottom: parseFloat(style.borderBottomWidth),
        background: backgroundOf(turn),
        name: name ? rgba(getComputedStyle(name).color) : null,
        nameBox: name ? box(name) : null,
        last: last ? { tag: last.tagName.toLowerCase(), box: box(last) } : null,
        avatar: avatarOf(turn).box,
        avatarShown: (() => {
          const { style: shown, element } = avatarOf(turn);
          const content = element === turn ? shown.content : "photo";
          return shown.display !== "none" && content !== "none" && content !== "normal";
        })(),
        photo: Boolean(photoOf(turn)),
        photoRadius: photoOf(turn) ? getComputedStyle(photoOf(turn)).borderRadius : null,
        initialsUnderPhoto: photoOf(turn)
          ? getComputedStyle(turn, "::before").content !== "none"
          : null,
      };
    });
  }

  window.interviewProbes = {
    rgba, contrast, turns, avatars, overflow, clipped, axeViolations, empty, bubbles, box,
    luminance, ratio,
  };
})();
