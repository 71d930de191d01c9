// qstrs the port needs that no source names as MP_QSTR_x (none so far; the scan of all sources finds the rest).
