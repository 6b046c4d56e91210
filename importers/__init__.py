"""Facts from where they are kept: each source (a council's committee system, say) one package."""
