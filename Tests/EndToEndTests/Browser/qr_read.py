"""Reads the QR code the terminal draws in half blocks (two rows of modules to a character),
as a phone's camera would read it off the projector: what the code says, not what the program
meant it to say. Only what a join link needs: versions 1 to 9, error correction M, numeric,
alphanumeric and byte segments, and a clean image (no error correction is attempted: a
capture of the terminal has no smudges). The mask is the one whose reading makes sense."""

INK = {"█": (True, True), "▀": (True, False), "▄": (False, True)}
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
# Data codewords per block at error correction M, by version.
BLOCKS_M = {1: [16], 2: [28], 3: [44], 4: [32, 32], 5: [43, 43], 6: [27] * 4, 7: [31] * 4,
            8: [38, 38, 39, 39], 9: [36, 36, 36, 37, 37]}
ALIGNMENT = {1: [], 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34], 7: [6, 22, 38],
             8: [6, 24, 42], 9: [6, 26, 46]}
MASKS = [lambda i, j: (i + j) % 2 == 0, lambda i, j: i % 2 == 0, lambda i, j: j % 3 == 0,
         lambda i, j: (i + j) % 3 == 0, lambda i, j: (i // 2 + j // 3) % 2 == 0,
         lambda i, j: (i * j) % 2 + (i * j) % 3 == 0, lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
         lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0]


def modules(screen):
    """The dark modules (rows of booleans) of the largest run of half-block lines on screen."""
    lines = screen.split("\n")
    runs, run = [], []
    for line in lines:
        if sum(line.count(c) for c in INK) >= 10:
            run.append(line)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    block = max(runs, key=len)
    width = max(len(line) for line in block)
    ink = []
    for line in block:
        line = line.ljust(width)
        ink.append([INK.get(c, (False, False))[0] for c in line])
        ink.append([INK.get(c, (False, False))[1] for c in line])
    # A dark terminal draws the light modules as ink: the quiet zone around the code is then ink.
    left = min(row.index(True) for row in ink if True in row)
    inverted = all(row[left] for row in ink[:-1])
    if inverted:
        # The code and its quiet zone are square: an odd side leaves half a line below it.
        side = width - left
        ink = [row[left:] for row in ink[:side]]
    dark = [[cell != inverted for cell in row] for row in ink]
    rows = [y for y, row in enumerate(dark) if any(row)]
    columns = [x for row in dark for x, cell in enumerate(row) if cell]
    top, bottom, first, last = min(rows), max(rows), min(columns), max(columns)
    return [row[first:last + 1] for row in dark[top:bottom + 1]]


def function_pattern(version):
    size = 17 + 4 * version
    taken = [[False] * size for _ in range(size)]

    def region(x, y, w, h):
        for row in range(y, y + h):
            for column in range(x, x + w):
                taken[row][column] = True
    region(0, 0, 9, 9)
    region(size - 8, 0, 8, 9)
    region(0, size - 8, 9, 8)
    centres = ALIGNMENT[version]
    for a, x in enumerate(centres):
        for b, y in enumerate(centres):
            last = len(centres) - 1
            if (a == 0 and (b == 0 or b == last)) or (a == last and b == 0):
                continue
            region(x - 2, y - 2, 5, 5)
    region(6, 9, 1, size - 17)
    region(9, 6, size - 17, 1)
    if version >= 7:
        region(size - 11, 0, 3, 6)
        region(0, size - 11, 6, 3)
    return taken


def codewords(matrix, version, mask):
    size = len(matrix)
    taken = function_pattern(version)
    bits, up, j = [], True, size - 1
    while j > 0:
        if j == 6:
            j -= 1
        for count in range(size):
            i = size - 1 - count if up else count
            for column in (j, j - 1):
                if not taken[i][column]:
                    bits.append(matrix[i][column] != MASKS[mask](i, column))
        up = not up
        j -= 2
    return [int("".join("1" if b else "0" for b in bits[k:k + 8]), 2) for k in range(0, len(bits) - 7, 8)]


def data(words, version):
    blocks = BLOCKS_M[version]
    out = [[] for _ in blocks]
    k = 0
    for index in range(max(blocks)):
        for b, length in enumerate(blocks):
            if index < length:
                out[b].append(words[k])
                k += 1
    return [word for block in out for word in block]


def segments(words, version):
    bits = "".join(format(w, "08b") for w in words)
    position, text = 0, ""

    def take(n):
        nonlocal position
        value = int(bits[position:position + n], 2)
        position += n
        return value
    while position + 4 <= len(bits):
        mode = take(4)
        if mode == 0:
            break
        if mode == 1:
            count = take(10)
            while count >= 3:
                text += "%03d" % take(10)
                count -= 3
            if count == 2:
                text += "%02d" % take(7)
            elif count == 1:
                text += "%d" % take(4)
        elif mode == 2:
            count = take(9)
            while count >= 2:
                pair = take(11)
                text += ALPHANUMERIC[pair // 45] + ALPHANUMERIC[pair % 45]
                count -= 2
            if count:
                text += ALPHANUMERIC[take(6)]
        elif mode == 4:
            count = take(8)
            text += bytes(take(8) for _ in range(count)).decode("utf-8")
        else:
            raise ValueError("segment mode %d" % mode)
    return text


def read(screen, expect_prefix="HTTP"):
    """The text of the QR code on `screen` (a tmux capture)."""
    matrix = modules(screen)
    version = (len(matrix) - 17) // 4
    if version not in BLOCKS_M or len(matrix) != 17 + 4 * version:
        raise ValueError("not a QR code of version 1 to 9: %d modules" % len(matrix))
    for mask in range(8):
        try:
            text = segments(data(codewords(matrix, version, mask), version), version)
        except (ValueError, IndexError, UnicodeDecodeError):
            continue
        if text.startswith(expect_prefix):
            return text
    raise ValueError("no mask gives a reading")
