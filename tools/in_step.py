"""Check that the package, the notebooks and the README are what `nbdev-export`, `nbdev-clean` and `tools/readme.py`
make of them, without touching the working tree: the three run on a copy in a temporary folder, and any file they
would change is listed. Safe to run while another `make test` runs in the same checkout."""
import ast, hashlib, shutil, subprocess, sys, tempfile
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

def twice_defined(pkg: Path) -> list[str]:
    """Top-level names a module binds more than once: the later notebook cell's definition silently replaces the
    earlier one for every caller (a notebook's own tests, run between the two cells, see the first and pass)."""
    out = []
    for f in sorted(pkg.glob('*.py')):
        if f.name == '_modidx.py': continue
        seen = {}
        for n in ast.parse(f.read_text(encoding='utf-8')).body:
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): names = [n.name]
            elif isinstance(n, ast.Assign): names = [t.id for t in n.targets if isinstance(t, ast.Name)]
            else: names = []
            for name in names:
                if name in seen and name != '__all__': out.append(f"  bilingual_lm/{f.name}:{n.lineno}: {name} (first bound at line {seen[name]})")
                seen.setdefault(name, n.lineno)
    return out

if twice := twice_defined(root/'bilingual_lm'):
    print("A module binds these top-level names twice (two notebook cells define the same name; rename one):")
    print('\n'.join(twice))
    sys.exit(1)
print(f"in step: {len(after)} notebooks, modules and README; no top-level name bound twice")
