"""mkdocs-interview: interview transcripts as chat-style conversations.

The package, one line a module:

- `transcript/`: the engine, a Python-Markdown extension that imports nothing from MkDocs:
  finds speaker lines in a page's parsed tree, decides who speaks, regroups the blocks into
  turns and writes the chat (`extension`, `prescreen`, `segment`, `labels`, `detect`,
  `render`, `markers`, `media`, `excerpt`, `rawhtml`, `colours`, `lean`, `options`, `pagemeta`,
  `model`, `urls`); `pagemeta` reads a page's front matter from Zensical, MkDocs or the
  document; `media` links a timestamp to its moment of a page's recording.
- `captions/`: WebVTT, SRT and Podcasting 2.0 JSON files read as cues and written as Markdown
  pages; no MkDocs either.
- `markdown.py`: `markdown_extensions: [mkdocs_interview.markdown]`, the engine without the
  plugin (Zensical); with `docs_dir`, the markers filled by `folder.py`.
- `folder.py`: a docs folder's interviews, read once per process, for the cards and tag lists
  of a program that renders one page at a time.

The MkDocs plugin around them:

- `plugin.py`: the hooks, each handing its event to the build.
- `build.py`: one build: each page's facts and transcript, and the extension, made from the
  site's settings, which asks the build which page a Markdown instance converts.
- `config.py`: the plugin's options.
- `frontmatter.py`: each page's front matter, read once by MkDocs' rules into `PageFacts`.
- `encoding.py`: pages that are not UTF-8, read with a warning instead of a traceback.
- `caption_pages.py`: caption files in the docs made into pages, or put into the pages that
  take them.
- `places.py`: where a warning points: the file an author can open, and the line in it.
- `urls.py`: every URL the plugin writes: what is safe, site paths, relative, absolute.
- `catalog.py`: what a build collects of its interviews: entries, tags, turns, markers.
- `pages.py`: the pages the plugin adds: the interviews index, the tag pages, the people index.
- `tags.py`: what makes two spellings one tag, and its page.
- `people.py`: who speaks across the site (generic labels left out), their slugs and pages.
- `cards.py`: the markers (`<!-- interview:cards -->`, `<!-- interview:tags -->`), filled.
- `fragments.py`: the one renderer of the Jinja fragments in `templates/interview/`.
- `head.py`: social meta for interview pages.
- `stylesheet.py`: the stylesheet's link, on the pages that show the plugin's markup.
- `player.py`: the player above a transcript with `media`, and its script, on those pages alone.
- `search.py`: what the search plugins index: chat pages without the chat's wrappers.
- `export.py`: `interviews.json`, every interview as data.
- `report.py`: the detection report (`python -m mkdocs_interview report`, `__main__.py`, which
  also has `scaffold` and `css`).
- `templates/interview/`: the fragments, `interview.css` and `player.js`, a theme folder that a
  site's `custom_dir` overrides.
"""
