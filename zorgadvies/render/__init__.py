"""Renderers: presentation only, no decisions. Each takes a Report (and the knowledge base for texts)."""
