"""The corpus results as a Markdown table (one row per library) plus totals."""


def _mark(value):
    return {True: "yes", False: "**NO**", None: "-"}[value]


def _headers(lib):
    return ", ".join(h.rsplit("/", 1)[-1] for h in lib.headers)


def _reasons(gen, top=3):
    return "; ".join(f"{n}x {r}" for r, n in gen.reasons.most_common(top)) or "-"


def table(rows):
    """rows: dicts with lib, gen (Generation or None), compiled, imported, smoke (bool or None), note."""
    out = ["| module | package | header | decls seen | bound | skipped | excluded | top skip reasons | gen ms"
           " | compiles | imports | smoke call |",
           "|---|---|---|---:|---:|---:|---:|---|---:|---|---|---|"]
    for r in rows:
        lib, g = r["lib"], r["gen"]
        if g is None:
            out.append(f"| {lib.module} | {lib.package} | {_headers(lib)} | - | - | - | - | {r['note']} | - | - | - | - |")
            continue
        gen_state = f"{g.ms:.0f}" if g.ok else f"**exit {g.exit_code}**"
        smoke = _mark(r["smoke"]) if r["smoke"] is not None else "-"
        if r["smoke"]:
            smoke = f"`{lib.smoke}` = {r['smoke_out']}".replace("|", "\\|")
        out.append(f"| {lib.module} | {lib.package} | {_headers(lib)} | {g.seen} | {g.bound} | {g.skipped} "
                   f"| {g.excluded} | {_reasons(g)} | {gen_state} | {_mark(r['compiled'])} | {_mark(r['imported'])} "
                   f"| {smoke} |")
    gens = [r["gen"] for r in rows if r["gen"] is not None]
    out.append("")
    out.append(f"Totals: {len(rows)} libraries, {sum(g.seen for g in gens)} declarations seen, "
               f"{sum(g.bound for g in gens)} bound, {sum(g.skipped for g in gens)} skipped, "
               f"{sum(1 for g in gens if g.crashed)} generator crashes, "
               f"{sum(1 for r in rows if r['compiled'] is False)} compile/link failures, "
               f"{sum(1 for r in rows if r['imported'] is False)} import failures, "
               f"{sum(1 for r in rows if r['smoke'] is False)} smoke-call failures.")
    return "\n".join(out) + "\n"
