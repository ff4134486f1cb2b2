"""Page geometry of printed documents (documents layer)."""
