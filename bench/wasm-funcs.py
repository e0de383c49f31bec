#!/usr/bin/env python3
"""Lists the largest functions of a .wasm that still has its `name` section (the wasm-bindgen output in
target/bindgen/web/, before wasm-opt strips the names): `python3 bench/wasm-funcs.py [file] [count]`.
A dependency-free stand-in for `twiggy top`."""
import sys


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "target/bindgen/web/lesspay2_bg.wasm"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    data = open(path, "rb").read()
    i, names, code, imports, sections = 8, {}, b"", 0, []
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        body = data[i:i + size]
        if sid == 0:
            nl, j = leb(body, 0)
            name = body[j:j + nl].decode()
            sections.append(("custom:" + name, size))
            if name == "name":
                k = j + nl
                while k < len(body):
                    sub = body[k]
                    sl, k = leb(body, k + 1)
                    if sub == 1:
                        cnt, m = leb(body, k)
                        for _ in range(cnt):
                            idx, m = leb(body, m)
                            ln, m = leb(body, m)
                            names[idx] = body[m:m + ln].decode("utf8", "replace")
                            m += ln
                    k += sl
        else:
            sections.append(({1: "type", 2: "import", 3: "func", 4: "table", 5: "memory", 6: "global", 7: "export",
                              8: "start", 9: "elem", 10: "code", 11: "data", 12: "datacount"}.get(sid, sid), size))
            if sid == 2:
                cnt, m = leb(body, 0)
                for _ in range(cnt):
                    ln, m = leb(body, m)
                    m += ln
                    ln, m = leb(body, m)
                    m += ln
                    kind = body[m]
                    m += 1
                    if kind == 0:
                        imports += 1
                        _, m = leb(body, m)
                    elif kind == 1:
                        m += 1
                        fl = body[m]
                        _, m = leb(body, m + 1)
                        if fl & 1:
                            _, m = leb(body, m)
                    elif kind == 2:
                        fl = body[m]
                        _, m = leb(body, m + 1)
                        if fl & 1:
                            _, m = leb(body, m)
                    elif kind == 3:
                        m += 2
            if sid == 10:
                code = body
        i += size
    print("sections:", ", ".join(f"{n} {s}" for n, s in sections))
    cnt, m = leb(code, 0)
    funcs = []
    for f in range(cnt):
        sz, m = leb(code, m)
        funcs.append((sz, names.get(f + imports, f"func[{f + imports}]")))
        m += sz
    funcs.sort(reverse=True)
    print(f"code: {sum(s for s, _ in funcs)} bytes in {len(funcs)} functions")
    for s, n in funcs[:count]:
        print(f"{s:7d}  {n[:140]}")


main()
