"""The clinic's knowledge base: documents, chunks, embeddings and semantic search."""
