WHERE = 'pathB'
