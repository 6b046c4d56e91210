"""``govcheck lsp``: a language server that checks facts files as they are written.

Diagnostics for every load problem and every gap, hover with the rules that read a fact,
completion from the facts model, and a fix that inserts a missing fact's skeleton. It needs
pygls (``pip install 'govcheck[lsp]'``); nothing else in govcheck imports this package.
"""
