"""Typed LangChain tools over the store services; identity comes from verified graph state."""
