# Kills the interpreter with a signal: the runner must report the crash.
import porttest
porttest.crash()
