"""Write README.md from nbs/index.ipynb: markdown cells as they are, visible code cells as Python blocks.

nbdev's own `nbdev-readme` renders through Quarto; this does the same job without it, so `make test` can check
that the README is in step with the notebook on machines without Quarto.
"""
import re
from pathlib import Path
import nbformat

root = Path(__file__).resolve().parent.parent
nb = nbformat.read(root/'nbs'/'index.ipynb', as_version=4)
parts = []
for cell in nb.cells:
    src = cell.source.strip()
    if not src: continue
    if cell.cell_type == 'markdown':
        src = re.sub(r"\]\((\d\d[a-z]?_[a-z_]+)\.ipynb\)", r"](nbs/\1.ipynb)", src)   # notebook links work on GitHub too
        parts.append(src)
    elif cell.cell_type == 'code':
        lines = src.splitlines()
        if any(l.strip() in ('#| hide', '#|hide') for l in lines): continue
        code = '\n'.join(l for l in lines if not l.startswith('#|')).strip()
        if code: parts.append(f"```python\n{code}\n```")
text = "<!-- generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file -->\n\n" + '\n\n'.join(parts) + '\n'
out = root/'README.md'
if not out.exists() or out.read_text(encoding='utf-8') != text:
    tmp = out.with_name('.README.md.tmp')
    tmp.write_text(text, encoding='utf-8'); tmp.replace(out)
