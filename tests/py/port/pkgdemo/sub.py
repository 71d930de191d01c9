LEVEL = 'submodule'
