#!/usr/bin/env python3
"""Mutation testing of the wasm bindings (src/wasm/), which `cargo mutants` cannot test itself: their
tests are the JS suites, run against a built module. Each mutant from `cargo mutants --list` is applied
in a copy of the tracked tree, the full `lesspay2` module is built fast (opt-level 1, no LTO,
incremental: about 3 s a mutant; no wasm-opt), and `node --test tests/js/` decides (about 20 s).

    python3 scripts/mutants-wasm.py src/wasm/signature.rs [more files...]

Prints one line per mutant (caught, missed, unviable) and the missed ones at the end; needs
`cargo install cargo-mutants` and `make pkg` run once (the copy reuses pkg/'s other modules and the
tools in tools/node_modules). README "Robustness" says what the last run found.
"""
import json, os, shutil, subprocess, sys, tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MUTANTS = os.path.expanduser('~/.cargo/bin/cargo-mutants')
BIN = os.path.join(REPO, 'tools', 'node_modules', '.bin')
PROFILE = '\n[profile.mutants]\ninherits = "release"\nopt-level = 1\nlto = false\ncodegen-units = 16\nincremental = true\n'


def run(args, cwd, **kw):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, **kw)


def build(work, target):
    """The full module and its glue into the copy's pkg/, as scripts/build-pkg.sh does, unoptimised."""
    env = dict(os.environ, PATH=f"{os.path.expanduser('~/.cargo/bin')}:{BIN}:{os.environ['PATH']}")
    steps = [
        ['cargo', 'rustc', '--quiet', '--lib', '--profile', 'mutants', '--target', 'wasm32-unknown-unknown',
         '--crate-type', 'cdylib', '--features', 'compact-sha2', '--target-dir', target],
    ]
    raw = os.path.join(target, 'wasm32-unknown-unknown', 'mutants', 'lesspay2.wasm')
    for glue in ['web', 'no-modules']:
        steps.append(['wasm-bindgen', raw, '--out-dir', f'{target}/{glue}', '--target', glue, '--no-typescript'])
    steps.append(['node', 'scripts/glue-renew.mjs', f'{target}/web/lesspay2.js', f'{target}/no-modules/lesspay2.js'])
    for step in steps:
        if run(step, work, env=env).returncode != 0:
            return False
    with open(f'{target}/web/lesspay2.js') as f:
        web = f.read().replace("new URL('lesspay2_bg.wasm', import.meta.url)", "new URL('../lesspay2_bg.wasm', import.meta.url)")
    with open(f'{work}/pkg/glue/web.js', 'w') as f:
        f.write(web)
    with open(f'{target}/no-modules/lesspay2.js') as f:
        cjs = f.read() + '\nmodule.exports = wasm_bindgen;\n'
    with open(f'{work}/pkg/glue/web.cjs', 'w') as f:
        f.write(cjs)
    with open(f'{target}/web/lesspay2_bg.wasm', 'rb') as src, open(f'{work}/pkg/lesspay2_bg.wasm', 'wb') as dst:
        dst.write(src.read())
    return True


def main(files):
    work = tempfile.mkdtemp(prefix='lesspay2-mutants-')
    target = os.path.join(REPO, 'target', 'mutants-wasm')
    tracked = run(['git', 'ls-files', '-z'], REPO).stdout
    subprocess.run(f'tar --null -T - -cf - | tar -C {work} -xf -', shell=True, cwd=REPO, input=tracked, text=True, check=True)
    # What the build makes and the tests read besides the module under test.
    subprocess.run(f'tar -cf - pkg/client pkg/edge pkg/glue/extras.cjs pkg/index.d.cts | tar -C {work} -xf -', shell=True, cwd=REPO, check=True)
    os.symlink(os.path.join(REPO, 'tools', 'node_modules'), os.path.join(work, 'tools', 'node_modules'))
    with open(os.path.join(work, 'Cargo.toml'), 'a') as f:
        f.write(PROFILE)
    if not build(work, target) or run(['node', '--test', 'tests/js/'], work).returncode != 0:
        sys.exit(f'mutants-wasm: the unmutated copy in {work} does not build or pass its tests')
    missed = []
    for path in files:
        mutants = json.loads(run([MUTANTS, 'mutants', '--list', '--json', '--diff', '-f', path], REPO).stdout)
        original = open(os.path.join(work, path)).read()
        for m in mutants:
            if run(['patch', '-s', path], work, input=m['diff']).returncode != 0:
                result = 'unapplied'
            elif not build(work, target):
                result = 'unviable'
            else:
                try:
                    tests = run(['node', '--test', 'tests/js/'], work, timeout=300)
                    result = 'caught' if tests.returncode != 0 else 'missed'
                except subprocess.TimeoutExpired:
                    result = 'timeout'
            with open(os.path.join(work, path), 'w') as f:
                f.write(original)
            print(f"{result:9} {m['name']}", flush=True)
            if result == 'missed':
                missed.append(m['name'])
    shutil.rmtree(work)
    print(f'\n{len(missed)} missed', *missed, sep='\n')


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
