"""Check the documentation site without Quarto: process the notebooks as `nbdev-proc-nbs` does, then render every
processed page to HTML with nbconvert and check each one rendered, has a title, and carries no error output."""
import os, sys
from pathlib import Path
import nbformat
from nbconvert import HTMLExporter

root = Path(__file__).resolve().parent.parent

def main():
    os.chdir(root)
    from nbdev.quarto import nbdev_sidebar, refresh_quarto_yml
    from nbdev.serve import proc_nbs
    from nbdev.doclinks import _build_modidx

    refresh_quarto_yml(); _build_modidx()
    cache = proc_nbs(n_workers=2)
    out = root/'_docs_check'
    out.mkdir(exist_ok=True)
    problems, pages = [], 0
    exporter = HTMLExporter()
    for nb_path in sorted(cache.glob('*.ipynb')):
        nb = nbformat.read(nb_path, as_version=4)
        for c in nb.cells: c.metadata.pop('execution', None)     # nbdev's timing metadata is not in the nbformat schema
        errors = [o for c in nb.cells if c.cell_type == 'code' for o in c.get('outputs', []) if o.get('output_type') == 'error']
        if errors: problems.append(f"{nb_path.name}: {len(errors)} error outputs")
        html, _ = exporter.from_notebook_node(nb)
        if '<h1' not in html and 'title:' not in nb.cells[0].source: problems.append(f"{nb_path.name}: no title")
        (out/nb_path.with_suffix('.html').name).write_text(html, encoding='utf-8')
        pages += 1
    sidebar = (root/'nbs'/'sidebar.yml').read_text()
    for p in sorted((root/'nbs').glob('*.ipynb')):
        if p.name not in sidebar: problems.append(f"{p.name}: not in nbs/sidebar.yml")
    print(f"{pages} pages rendered to {out}/")
    if problems:
        print('\n'.join(problems)); sys.exit(1)

if __name__ == '__main__':     # nbdev processes notebooks in worker processes, which must not run this again
    main()
