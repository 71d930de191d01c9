# Module search fixture: the value of WHERE shows which folder it was imported from.
WHERE = 'pathA'
