"""Care records in casework's table of kinds, one module per area, each exporting KINDS."""
