"""The corpus list (libraries.toml) resolved against this machine: headers, compile and link flags, versions."""
import dataclasses
import os
import shlex
import subprocess
import tomllib

SYSTEM_INCLUDE_DIRS = ["/usr/include", "/usr/include/x86_64-linux-gnu"]


@dataclasses.dataclass
class Library:
    module: str
    package: str
    headers: list          # absolute paths
    cflags: list           # -I/-D flags for mpbind (after --) and for the C compile
    libs: list             # link flags
    options: list          # mpbind options
    smoke: str
    expect: str            # regular expression, {version} substituted
    version: str
    cxx_abi: bool
    ci: bool
    error: str = ""        # non-empty: cannot be run here (package missing, header not found)

    @property
    def include_dirs(self):
        return [f[2:] for f in self.cflags if f.startswith("-I")]


def _pkg_config(*args):
    proc = subprocess.run(["pkg-config", *args], capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else None


def _find_header(name, include_dirs):
    for d in include_dirs + SYSTEM_INCLUDE_DIRS:
        path = os.path.join(d, name)
        if os.path.isfile(path):
            return path
    return None


def _resolve(module, entry):
    pc = entry.get("pkgconfig")
    cflags, libs, version, error = [], list(entry.get("libs", [])), "", ""
    if pc:
        got = _pkg_config("--cflags", pc)
        if got is None:
            error = f"pkg-config {pc} not found (install {entry['package']})"
        else:
            cflags = shlex.split(got)
            libs = shlex.split(_pkg_config("--libs", pc) or "") + libs
            version = _pkg_config("--modversion", pc) or ""
    cflags += entry.get("cflags", [])
    include_dirs = [f[2:] for f in cflags if f.startswith("-I")]
    headers = []
    for h in entry["headers"]:
        path = _find_header(h, include_dirs)
        if path is None and not error:
            error = f"header {h} not found (install {entry['package']})"
        headers.append(path or h)
    return Library(module=module, package=entry["package"], headers=headers, cflags=cflags, libs=libs,
                   options=list(entry.get("options", [])), smoke=entry.get("smoke", ""),
                   expect=entry.get("expect", ".").replace("{version}", version.replace(".", r"\.")),
                   version=version, cxx_abi=entry.get("cxx_abi", False), ci=entry.get("ci", False), error=error)


def load(path, only=None, ci=False):
    """The libraries of `path`, restricted to the names in `only` or to the CI subset."""
    with open(path, "rb") as f:
        table = tomllib.load(f)
    unknown = set(only or []) - set(table)
    if unknown:
        raise SystemExit(f"corpus: unknown library {', '.join(sorted(unknown))} (see {path})")
    libs = []
    for module, entry in table.items():
        if only and module not in only:
            continue
        if ci and not entry.get("ci", False):
            continue
        libs.append(_resolve(module, entry))
    return libs
