"""Check the documentation site without Quarto: process the notebooks as `nbdev-proc-nbs` does, then render every
processed page to HTML with nbconvert the way Quarto would show it, and check each one rendered, has a title, and
carries no error output.

    python tools/docs_check.py [PROJECT]      # PROJECT: an nbdev project folder (default: this repository)

What Quarto does with a processed notebook, and this check does too (quarto-cli, src/core/jupyter/jupyter.ts):
- the YAML front matter (the raw cell nbdev's `FrontmatterProc` puts first) becomes the title block (`title`,
  `description`) and names the page (`output-file`); it is not shown as text;
- the `#|` option lines opening a code cell are read as the cell's options and never shown; `include: false` drops the
  cell, `echo: false` its code, `output: false` its outputs, `warning: false` its stderr, and `output: asis` passes
  its stdout and Markdown through as Markdown (nbdev's `show_doc` cells are `echo: false` + `output: asis`);
- the cell tags `remove-cell`/`hide-cell`, `hide-code`, `hide-output` and `hide-warnings` mean the same options;
- a raw cell of no format is read as Markdown (one of a format passes through as that format).
Quarto's Markdown extensions (callouts, shortcodes, cross-references) are not rendered here."""
import argparse, os, re, shutil, sys
from pathlib import Path

import nbformat, yaml
from nbconvert import HTMLExporter
from traitlets.config import Config

REPO = Path(__file__).resolve().parent.parent
_FRONT_MATTER = re.compile(r'^\s*---\s*\n(.*?)\n---\s*$', re.S)
_OPTION = re.compile(r'^#\|\s?(.*)$')                    # Python cells; every notebook here is Python
_TAG_OPTIONS = {'hide-cell': {'include': False}, 'remove-cell': {'include': False}, 'hide-code': {'echo': False},
                'hide-output': {'output': False}, 'hide-warnings': {'warning': False}, 'show-code': {'echo': True},
                'show-output': {'output': True}, 'show-warnings': {'warning': True}}   # Quarto's `tagMapping`


def front_matter(nb) -> dict:
    "The YAML front matter of a processed notebook (its first cell, when that is a raw `---` block), removed from `nb`."
    if not nb.cells or nb.cells[0].cell_type != 'raw' or not (m := _FRONT_MATTER.match(nb.cells[0].source)): return {}
    nb.cells.pop(0)
    return yaml.safe_load(m.group(1)) or {}


def cell_options(cell) -> dict:
    """Quarto's options of a code cell: its tags, then the YAML of the `#|` lines opening its source (which win);
    those lines, and the blank lines after them, are taken out of the source."""
    lines, i = cell.source.splitlines(), 0
    while i < len(lines) and (m := _OPTION.match(lines[i])): i += 1
    opts = {k: v for t in cell.metadata.get('tags', []) for k, v in _TAG_OPTIONS.get(t, {}).items()}
    if i:
        try: opts.update(yaml.safe_load('\n'.join(_OPTION.match(l).group(1) for l in lines[:i])) or {})
        except yaml.YAMLError as e: raise ValueError(f"cell {cell.get('id', '?')}: its `#|` options are not YAML ({e})") from None
        while i < len(lines) and not lines[i].strip(): i += 1
        cell.source = '\n'.join(lines[i:])
    return opts


def as_quarto(nb) -> tuple[dict, list[str]]:
    """`nb` (processed by nbdev) changed in place to what Quarto shows: front matter taken out and returned, with the
    problems found (error outputs); cell options applied, through nbconvert's `TagRemovePreprocessor` tags."""
    fm, problems = front_matter(nb), []
    keep = []
    for c in nb.cells:
        c.metadata.pop('execution', None)                     # nbdev's timing metadata is not in the nbformat schema
        if c.cell_type == 'raw' and not c.metadata.get('raw_mimetype') and 'format' not in c.metadata:
            c = nbformat.v4.new_markdown_cell(c.source)       # Quarto reads a raw cell of no format as Markdown
        if c.cell_type != 'code': keep.append(c); continue
        o = cell_options(c)
        if o.get('include') is False: continue
        if not c.source.strip() and not c.outputs: continue   # Quarto drops a cell with neither code nor output
        tags = set(c.metadata.get('tags', []))
        if o.get('echo') is False: tags.add('remove-input')
        if o.get('output') is False: tags.add('remove-output')
        if o.get('warning') is False: c.outputs = [x for x in c.outputs if not (x.output_type == 'stream' and x.name == 'stderr')]
        if o.get('output') == 'asis':
            c.outputs = [nbformat.v4.new_output('display_data', {'text/markdown': x.text})
                         if x.output_type == 'stream' and x.name == 'stdout' else x for x in c.outputs]
        if tags: c.metadata['tags'] = sorted(tags)
        errors = [x for x in c.outputs if x.output_type == 'error']
        if errors: problems.append(f"{len(errors)} error output{'s' * (len(errors) > 1)} in cell {c.get('id', '?')}")
        keep.append(c)
    nb.cells = keep
    if fm.get('title'):                                      # the title block; Quarto reads both as Markdown
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"# {fm['title']}" + (f"\n\n{fm['description']}" if fm.get('description') else '')))
    return fm, problems


def exporter() -> HTMLExporter:
    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_input_tags = {'remove-input'}
    c.TagRemovePreprocessor.remove_all_outputs_tags = {'remove-output'}
    return HTMLExporter(config=c)


def main(project: Path = REPO) -> int:
    project = Path(project).resolve()
    os.chdir(project)                                        # nbdev finds the project's config from the working directory
    from nbdev.config import get_config
    from nbdev.quarto import refresh_quarto_yml
    from nbdev.serve import proc_nbs
    from nbdev.doclinks import _build_modidx

    cfg = get_config()
    refresh_quarto_yml(); _build_modidx()
    cache = proc_nbs(n_workers=2)
    out = project/'_docs_check'
    if out.exists(): shutil.rmtree(out)                      # pages of notebooks since renamed or removed must not linger
    out.mkdir()
    problems, pages, ex = [], 0, exporter()
    for nb_path in sorted(cache.glob('*.ipynb')):
        nb = nbformat.read(nb_path, as_version=4)
        try: fm, bad = as_quarto(nb)
        except ValueError as e: problems.append(f"{nb_path.name}: {e}"); continue
        problems += [f"{nb_path.name}: {b}" for b in bad]
        if not fm.get('title'): problems.append(f"{nb_path.name}: no title")
        body, _ = ex.from_notebook_node(nb, resources={'metadata': {'name': str(fm.get('title', nb_path.stem))}})
        page = out/fm.get('output-file', nb_path.with_suffix('.html').name)
        page.write_text(body, encoding='utf-8')
        pages += 1
    sidebar = (cfg.nbs_path/'sidebar.yml').read_text()
    for p in sorted(cfg.nbs_path.glob('*.ipynb')):
        if p.name not in sidebar: problems.append(f"{p.name}: not in {cfg.nbs_path.relative_to(project)}/sidebar.yml")
    print(f"{pages} pages rendered to {out.relative_to(project)}/")
    if problems: print('\n'.join(problems))
    return 1 if problems else 0


if __name__ == '__main__':     # nbdev processes notebooks in spawned worker processes, which import this file again
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('project', nargs='?', type=Path, default=REPO, help='an nbdev project folder (default: this repository)')
    sys.exit(main(ap.parse_args().project))
