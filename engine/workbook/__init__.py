"""Facts in a workbook: the sheets that hold them, writing a workbook and reading one back."""
