"""The only code that touches SQL: the SQLCipher vault, its migrations, repositories and attachment store."""
