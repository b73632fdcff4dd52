"""Topic models: gensim LDA over comments' content words, and the tables they give."""
