"""mkdocs-interview: interview transcripts as chat-style conversations."""
