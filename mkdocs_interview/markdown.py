"""`markdown_extensions: [mkdocs_interview.markdown]`: the chat engine without the plugin."""

from .transcript import InterviewExtension, makeExtension

__all__ = ["InterviewExtension", "makeExtension"]
