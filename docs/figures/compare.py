"""Draws the same data as Dive with matplotlib, then puts each pair side by side (Dive left)."""
import csv, json, math, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image, ImageDraw, ImageFont

out, history_csv, linreg_json = sys.argv[1], sys.argv[2], sys.argv[3]
dive = {name: path for name, path in (a.split("=", 1) for a in sys.argv[4:])}

def save(fig, name):
    path = f"{out}/mpl-{name}.png"
    fig.savefig(path, dpi=200)
    plt.close(fig)
    return path

def history_chart():
    rows = list(csv.DictReader(open(history_csv)))
    epochs = [int(r["epoch"]) for r in rows]
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    ax.plot(epochs, [float(r["train_loss"]) for r in rows], "-o", label="train loss")
    ax.plot(epochs, [float(r["train_acc"]) for r in rows], "--o", label="train acc")
    ax.plot(epochs, [float(r["test_acc"]) for r in rows], "-.o", label="test acc")
    values = [float(r[k]) for r in rows for k in ("train_loss", "train_acc", "test_acc")]
    # Dive's limits: the book's [0.3, 0.9], widened to the next tenth to show every value.
    ax.set_xlim(epochs[0], epochs[-1])
    ax.set_ylim(min(0.3, math.floor(min(values) * 10) / 10), max(0.9, math.ceil(max(values) * 10) / 10))
    ax.set_xlabel("epoch"); ax.set_title("Training curves"); ax.grid(); ax.legend()
    return save(fig, "curves")

def activation_chart(name, title, f, df):
    x = [i / 10 for i in range(-80, 80)]
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    ax.plot(x, [f(v) for v in x], "-", label=f"{title}(x)")
    ax.plot(x, [df(v) for v in x], "--", label=f"gradient of {title}")
    ax.set_xlabel("x"); ax.set_ylabel(f"{title}(x)"); ax.set_title(title); ax.grid(); ax.legend()
    return save(fig, name)

def loss_chart():
    result = json.load(open(linreg_json))
    losses = result["minibatch_losses"]
    batches = len(losses) // len(result["epoch_losses"])
    x = [(i + 1) / batches for i in range(len(losses))]
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    ax.plot(x, losses, "-", label="minibatch loss")
    ax.set_yscale("log"); ax.set_xlabel("epoch"); ax.set_ylabel("loss"); ax.set_title("Training loss")
    ax.grid(); ax.legend()
    return save(fig, "loss")

sigmoid = lambda v: 1 / (1 + math.exp(-v))
mpl = {
    "curves": history_chart(),
    "relu": activation_chart("relu", "ReLU", lambda v: max(v, 0), lambda v: 1.0 if v > 0 else 0.0),
    "sigmoid": activation_chart("sigmoid", "sigmoid", sigmoid, lambda v: sigmoid(v) * (1 - sigmoid(v))),
    "loss": loss_chart(),
}
font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 22)
for name, mpl_path in mpl.items():
    left, right = Image.open(dive[name]).convert("RGB"), Image.open(mpl_path).convert("RGB")
    width = 640
    left = left.resize((width, round(left.height * width / left.width)), Image.LANCZOS)
    right = right.resize((width, round(right.height * width / right.width)), Image.LANCZOS)
    pair = Image.new("RGB", (2 * width + 20, max(left.height, right.height) + 36), "white")
    draw = ImageDraw.Draw(pair)
    draw.text((10, 6), "Dive (cairo)", fill="#595959", font=font)
    draw.text((width + 30, 6), "matplotlib " + matplotlib.__version__, fill="#595959", font=font)
    pair.paste(left, (0, 36)); pair.paste(right, (width + 20, 36))
    pair.save(f"{out}/{name}-dive-vs-matplotlib.png", optimize=True)
    print(f"{out}/{name}-dive-vs-matplotlib.png")
