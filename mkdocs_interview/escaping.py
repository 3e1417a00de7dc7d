"""The Jinja environment the plugin renders its `interview/*.html` fragments with."""

from __future__ import annotations

from jinja2 import Environment

_CACHED_TEMPLATES = 64


def escaping_environment(env: Environment) -> Environment:
    """The theme's environment (its loader, `custom_dir` included) with autoescape forced on:
    a theme's own `interview/*.html` that leaves out `{% autoescape true %}` still escapes
    every value it writes. The overlay keeps a cache of its own, since templates the theme's
    environment compiled without autoescape must not be reused."""
    return env.overlay(autoescape=True, cache_size=_CACHED_TEMPLATES)
