"""Care records in casework's kinds table, one module per area, each exporting ``KINDS``
(and ``FOR_CLOCK`` where a record meets a clock); registered from ``CareConfig.ready``."""
