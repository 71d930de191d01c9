LEVEL = 'package'
