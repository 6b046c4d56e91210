"""Reading YAML: positions of every value, limits on hostile input, syntax and schema errors in plain words."""
