"""Check that the package, the notebooks and the README are what `nbdev-export`, `nbdev-clean` and `tools/readme.py`
make of them, without touching the working tree: the three run on a copy in a temporary folder, and any file they
would change is listed. Safe to run while another `make test` runs in the same checkout."""
import hashlib, shutil, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent
bin_dir = Path(sys.executable).parent
COPY = ['pyproject.toml', 'README.md', 'bilingual_lm', 'nbs', 'tools']
SKIP = shutil.ignore_patterns('.ipynb_checkpoints', '__pycache__', '_proc', '.quarto', '_site', 'models', 'data')

def digests(top: Path) -> dict[str, str]:
    files = [p for d in ('bilingual_lm', 'nbs') for p in (top/d).rglob('*') if p.suffix in ('.py', '.ipynb')] + [top/'README.md']
    return {str(p.relative_to(top)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files
            if p.is_file() and '.ipynb_checkpoints' not in p.parts}

with tempfile.TemporaryDirectory(prefix='bilingual_lm-in-step-') as d:
    copy = Path(d)/'project'
    copy.mkdir()
    for name in COPY:
        src = root/name
        if src.is_dir(): shutil.copytree(src, copy/name, ignore=SKIP)
        elif src.exists(): shutil.copy2(src, copy/name)
    before = digests(copy)
    for cmd in ([str(bin_dir/'nbdev-export')], [str(bin_dir/'nbdev-clean')], [sys.executable, 'tools/readme.py']):
        r = subprocess.run(cmd, cwd=copy, capture_output=True, text=True)
        if r.returncode: sys.exit(f"{' '.join(Path(c).name for c in cmd)} failed:\n{r.stdout}{r.stderr}")
    after = digests(copy)
changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
if changed:
    print("Notebooks, package and README are out of step: nbdev-export / nbdev-clean / tools/readme.py would change:")
    print('\n'.join(f"  {c}" for c in changed))
    print("Run `nbdev-export && nbdev-clean && make readme`, read the diff, and commit it.")
    sys.exit(1)
print(f"in step: {len(after)} notebooks, modules and README")
