"""Text boxes read back from a drawn SVG, with DejaVu Sans advance widths rounded up."""

SVG = "{http://www.w3.org/2000/svg}"
WIDE = {" ": 0.32, "°": 0.5, "′": 0.35}


def advance(content: str, size: float) -> float:
    em = 0.0
    for char in content:
        if char in WIDE:
            em += WIDE[char]
        elif char.isdigit():
            em += 0.64
        elif char.isascii():
            em += 0.75 if char.isupper() else 0.62
        else:
            em += 1.0  # planet, sign and retrograde symbols: at most an em in DejaVu Sans
    return em * size


def text_boxes(root) -> list[tuple[float, float, float, float, str]]:
    boxes = []
    for node in root.iter(f"{SVG}text"):
        content, size = "".join(node.itertext()), float(node.get("font-size"))
        x, y, half = float(node.get("x")), float(node.get("y")), advance(content, size) / 2
        assert node.get("text-anchor") == "middle"
        assert node.get("dominant-baseline") == "central"
        boxes.append((x - half, y - size / 2, x + half, y + size / 2, content))
    return boxes


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
