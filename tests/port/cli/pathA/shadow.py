WHERE = 'pathA'
