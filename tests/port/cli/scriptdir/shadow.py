WHERE = 'scriptdir'
