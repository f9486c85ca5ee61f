"""The demo clinic's knowledge base (Riverside Health), one Markdown document per topic.

A package so that the documents ship in the wheel; `prm seed --demo` ingests every `*.md` here.
"""
