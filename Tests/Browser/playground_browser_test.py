#!/usr/bin/python3
"""Real-browser tests of `dive playground`: headless Chromium driven by Selenium.

Usage: playground_browser_test.py --dive PATH [--interop-python PATH] [--screenshots DIR]
                                  [--measure-rate]

Starts `dive playground --port 0`, runs every check below in one browser, prints one line per
check and a summary ("browser tests: N passed, M failed"), and exits 1 when any failed.
With --screenshots, the pictures of the page are written there (docs/playground/ uses them).
With --measure-rate, it also prints the page's update rate while training the default network
and 6 layers of 8.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

# A link as playground.tensorflow.org writes it: spiral, 3 hidden layers of 8 tanh neurons,
# features x1 x2 x1^2 x2^2 sin x1 sin x2.
SPIRAL_HASH = ("activation=tanh&batchSize=10&dataset=spiral&regDataset=reg-plane&learningRate=0.03"
               "&regularizationRate=0&noise=0&networkShape=8,8,8&seed=0.29345&showTestData=false"
               "&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=true&ySquared=true"
               "&cosX=false&sinX=true&cosY=false&sinY=true&collectStats=false&problem=classification"
               "&initZero=false&hideText=false")
ACCURACY_DEADLINE_S = 120


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def wait_for(condition, seconds, message):
    """Polls `condition` until it returns a true value, else fails with `message`: a string, or a
    function called then, so that what it reads from the page is what the page showed at the end
    (an f-string argument is read before the wait)."""
    end = time.time() + seconds
    while time.time() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise Failure(message() if callable(message) else message)


class PlaygroundBrowserTest:
    def __init__(self, dive, interop_python, screenshots):
        self.interop_python = interop_python
        self.screenshots = screenshots
        self.downloads = tempfile.mkdtemp(prefix="dive-playground-downloads-")
        self.server = subprocess.Popen([dive, "playground", "--port", "0"], stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True)
        line = self.server.stdout.readline()
        match = re.search(r"(http://\S+)", line)
        if not match:
            self.server.kill()
            raise SystemExit(f"dive playground did not print its URL; it printed {line!r}")
        self.url = match.group(1)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                         "--disable-dev-shm-usage"]:
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": self.downloads})

    def close(self):
        self.driver.quit()
        self.server.terminate()
        self.server.wait(timeout=10)

    # Helpers.
    def element(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def text(self, element_id):
        return self.element(element_id).text

    def js(self, script):
        return self.driver.execute_script(script)

    def hash(self):
        return self.js("return location.hash")

    def open(self, hash_text):
        """Loads the page afresh with `hash_text` (a new tab's session), and waits for its first state."""
        self.driver.get("about:blank")
        self.driver.get(f"{self.url}#{hash_text}")
        wait_for(lambda: self.js("return window.diveFrames > 0 && state !== null"), 20, "no state arrived")

    def number(self, element_id):
        value = self.text(element_id)
        return float(value) if re.fullmatch(r"[0-9.]+", value) else None

    def shoot(self, name, element_id=None):
        if not self.screenshots:
            return
        path = os.path.join(self.screenshots, name)
        if element_id:
            self.element(element_id).screenshot(path)
        else:
            self.driver.save_screenshot(path)

    # The checks, in order: each may rely on the state the previous one left.
    def test_spiral_link_sets_every_control(self):
        self.open(SPIRAL_HASH)
        wait_for(lambda: self.js("return state.hash.includes('dataset=spiral')"), 10, "the spiral link was not applied")
        expect(Select(self.element("activation")).first_selected_option.get_attribute("value") == "tanh", "activation")
        expect(self.element("learningRate").get_attribute("value") == "0.03", "learning rate")
        expect(self.element("regularization").get_attribute("value") == "none", "regularization")
        expect(self.element("problem").get_attribute("value") == "classification", "problem")
        expect("selected" in self.element("dataset-spiral").get_attribute("class"), "spiral not selected")
        expect(self.element("batchSize").get_attribute("value") == "10", "batch size")
        expect(self.element("noise").get_attribute("value") == "0", "noise")
        expect(self.element("percTrainData").get_attribute("value") == "50", "training share")
        expect(self.text("layer-count") == "3", f"layer count {self.text('layer-count')}")
        for layer in range(3):
            neurons = self.driver.find_elements(By.CSS_SELECTOR, f"[id^='neuron-{layer}-']")
            expect(len(neurons) == 8, f"layer {layer} has {len(neurons)} neurons")
        on = {"x", "y", "xSquared", "ySquared", "sinX", "sinY"}
        for feature in ["x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY", "cosX", "cosY"]:
            inactive = "inactive" in self.element(f"feature-{feature}").get_attribute("class")
            expect(inactive == (feature not in on), f"feature {feature} shown {'off' if inactive else 'on'}")
        expect(not self.element("showTestData").is_selected() and not self.element("discretize").is_selected(), "checkboxes")
        expect(self.text("epoch") == "000,000", f"epoch {self.text('epoch')}")

    def test_play_reaches_test_accuracy_0_9(self):
        start = time.time()
        self.element("play-pause").click()
        reached = {}   # the readouts as they were when the check passed (training goes on after it)

        def accuracy_reached():
            reached.update(accuracy=self.number("accuracy-test") or 0, epoch=self.text("epoch"),
                           seconds=time.time() - start)
            return reached["accuracy"] >= 0.9
        wait_for(accuracy_reached, ACCURACY_DEADLINE_S,
                 lambda: f"test accuracy {self.text('accuracy-test')} after {ACCURACY_DEADLINE_S} s (epoch {self.text('epoch')})")
        self.report = f"test accuracy {reached['accuracy']} at epoch {reached['epoch']} after {reached['seconds']:.1f} s"
        self.element("play-pause").click()
        wait_for(lambda: not self.js("return state.playing"), 10, "pause did not stop training")

    def test_heatmap_is_neither_blank_nor_uniform(self):
        colours = self.js("""
            const c = document.getElementById('heatmap');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            const seen = new Set();
            for (let i = 0; i < d.length; i += 4) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2] + ',' + d[i + 3]);
            return seen.size;""")
        expect(colours >= 20, f"the heatmap has {colours} distinct colours")
        orange_and_blue = self.js("""
            const c = document.getElementById('heatmap');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let blue = 0, orange = 0;
            for (let i = 0; i < d.length; i += 4) { if (d[i + 2] > d[i] + 60) blue++; if (d[i] > d[i + 2] + 60) orange++; }
            return [blue, orange];""")
        expect(min(orange_and_blue) > 500, f"blue and orange cells: {orange_and_blue}")
        self.shoot("playground-spiral.png")
        self.shoot("playground-output.png", "output-column")
        self.shoot("playground-network.png", "network-column")
        self.report = f"{colours} distinct colours, {orange_and_blue[0]} blue and {orange_and_blue[1]} orange cells"

    def test_hash_follows_a_control(self):
        Select(self.element("learningRate")).select_by_value("0.1")
        wait_for(lambda: "learningRate=0.1&" in self.hash(), 10, lambda: f"hash after the change: {self.hash()}")
        self.element("add-neuron-0").click()
        wait_for(lambda: "networkShape=9" not in self.hash() and "networkShape=8,8,8" in self.hash(), 5,
                 "a ninth neuron was accepted")   # 8 is the most: the server refuses the ninth
        wait_for(lambda: "networkShape" in self.text("message"), 5, "no message for a ninth neuron")
        self.element("remove-neuron-1").click()
        wait_for(lambda: "networkShape=8,7,8&" in self.hash(), 10, lambda: f"hash after removing a neuron: {self.hash()}")

    def test_reload_restores_the_state(self):
        self.driver.refresh()
        wait_for(lambda: self.js("return window.diveFrames > 0 && state !== null"), 20, "no state after reload")
        expect(self.element("learningRate").get_attribute("value") == "0.1", "learning rate after reload")
        expect("selected" in self.element("dataset-spiral").get_attribute("class"), "dataset after reload")
        expect(len(self.driver.find_elements(By.CSS_SELECTOR, "[id^='neuron-1-']")) == 7, "layer 1 after reload")
        expect("inactive" not in self.element("feature-sinY").get_attribute("class"), "sin x2 after reload")

    def test_click_adds_points(self):
        before = self.js("return points.train.length")
        Select(self.element("point-label")).select_by_value("-1")
        box = self.element("points")
        ActionChains(self.driver).move_to_element_with_offset(box, 60, -90).click().perform()
        wait_for(lambda: self.js("return points.train.length") == before + 1, 10, "the click added no point")
        x, y, label = self.js("return points.train[points.train.length - 1]")
        expect(abs(x - 2.4) < 0.2 and abs(y - 3.6) < 0.2 and label == -1, f"point added at {x}, {y} label {label}")
        expect(self.element("own-data").is_displayed(), "'your own data' not shown")

    def test_csv_upload_good_and_bad(self):
        good = os.path.join(self.downloads, "good.csv")
        with open(good, "w") as file:
            file.write("x1,x2,label\n1,1,1\n2,2,1\n-1,-1,-1\n-2,-2,-1\n3,-3,1\n-3,3,-1\n")
        self.element("csv-file").send_keys(good)
        wait_for(lambda: "loaded 6 points" in self.text("notice"), 10, lambda: f"notice: {self.text('notice')!r}")
        expect(self.js("return points.train.length + points.test.length") == 6, "uploaded points not drawn")
        bad = os.path.join(self.downloads, "bad.csv")
        with open(bad, "w") as file:
            file.write("x1,x2,label\n1,1,1\n2,two,1\n")
        self.element("csv-file").send_keys(bad)
        wait_for(lambda: "CSV line 3" in self.text("message"), 10, lambda: f"message: {self.text('message')!r}")
        expect(self.js("return points.train.length + points.test.length") == 6, "a bad upload changed the data")
        self.report = self.text("message")

    def test_learning_rate_10_shows_the_divergence_message(self):
        self.open("activation=relu&problem=regression&regDataset=reg-gauss&networkShape=8,8,8,8&seed=3")
        Select(self.element("learningRate")).select_by_value("10")
        wait_for(lambda: "learningRate=10&" in self.hash(), 10, "learning rate 10 not applied")
        self.element("play-pause").click()
        wait_for(lambda: self.element("notice").is_displayed() and "lower the learning rate" in self.text("notice"), 60,
                 lambda: f"no divergence message (epoch {self.text('epoch')}, loss {self.text('loss-train')})")
        expect(re.fullmatch(r"loss became (NaN|infinite) at epoch \d+: lower the learning rate", self.text("notice")),
               f"message {self.text('notice')!r}")
        expect(not self.js("return state.playing"), "training goes on after divergence")
        self.shoot("playground-divergence.png", "notice")
        self.report = self.text("notice")

    def test_download_safetensors_and_load_it(self):
        self.open("networkShape=4,3&xSquared=true&dropout=0.2,0&seed=5")
        self.element("step").click()
        wait_for(lambda: self.text("epoch") == "000,001", 10, "step did not train one epoch")
        for name in ["playground.safetensors", "playground.py"]:
            path = os.path.join(self.downloads, name)
            if os.path.exists(path):
                os.remove(path)
        self.element("download-model").click()
        self.element("download-python").click()
        model = os.path.join(self.downloads, "playground.safetensors")
        wait_for(lambda: os.path.exists(model) and os.path.exists(os.path.join(self.downloads, "playground.py")),
                 20, "the downloads did not arrive")
        if not self.interop_python:
            self.report = "downloaded; no interop Python given, not loaded"
            return
        check = ("from safetensors.numpy import load_file\n"
                 "t = load_file('playground.safetensors')\n"
                 "assert sorted(t) == ['0.bias', '0.weight', '3.bias', '3.weight', '5.bias', '5.weight'], sorted(t)\n"
                 "assert t['0.weight'].shape == (4, 3) and t['5.weight'].shape == (1, 3)\n"
                 "try:\n    import torch\nexcept ImportError:\n    print('safetensors: loaded; torch not installed')\n"
                 "else:\n    exec(open('playground.py').read())\n    print('torch: loaded into nn.Sequential, output', output.tolist())\n")
        result = subprocess.run([self.interop_python, "-c", check], cwd=self.downloads, capture_output=True, text=True,
                                timeout=120)
        expect(result.returncode == 0, f"loading in Python failed: {result.stderr.strip()[-500:]}")
        self.report = result.stdout.strip()

    def test_link_hover_shows_its_weight_and_a_click_edits_it(self):
        self.open("networkShape=2&seed=1")
        link = self.driver.find_element(By.CSS_SELECTOR, 'path.link[data-layer="0"][data-to="1"][data-from="0"]')
        ActionChains(self.driver).move_to_element(link).perform()
        weight = self.js("return state.weights[0][1][0]")
        title = link.find_element(By.TAG_NAME, "title").get_attribute("textContent")
        expect(title == f"Weight is {weight:.3f}. Click to change it.", f"hover title {title!r} for weight {weight}")
        link.click()
        prompt = wait_for(lambda: self.alert(), 5, "clicking a link asked for no weight")
        prompt.send_keys("0.5")
        prompt.accept()
        wait_for(lambda: self.js("return state.weights[0][1][0]") == 0.5, 10,
                 lambda: f"weight after the edit: {self.js('return state.weights[0][1][0]')}")
        self.report = f"weight {weight:.3f} shown on hover, set to 0.5 by a click"

    def alert(self):
        try:
            return self.driver.switch_to.alert
        except Exception:   # NoAlertPresentException until the prompt opens
            return None

    def measure_rate(self, name, hash_text, seconds=10):
        """Prints how many states a second the page draws while training the network of
        `hash_text`, with the epochs a second, the page's time to draw a state, the size of a
        state and the load."""
        self.open(hash_text)
        self.js("""window.diveDrawMs = 0; window.diveBytes = 0;
            const draw = render;
            render = (next) => { const start = performance.now(); draw(next); diveDrawMs += performance.now() - start; };
            const receive = socket.onmessage;
            socket.onmessage = (event) => { diveBytes += event.data.length; receive(event); };""")
        self.element("play-pause").click()
        time.sleep(2)
        figures = "return [window.diveFrames, state.epoch, window.diveDrawMs, window.diveBytes]"
        (frames0, epoch0, draw0, bytes0), t0 = self.js(figures), time.time()
        time.sleep(seconds)
        (frames1, epoch1, draw1, bytes1), t1 = self.js(figures), time.time()
        self.element("play-pause").click()
        states = max(frames1 - frames0, 1)
        print(f"update rate, {name}: {(frames1 - frames0) / (t1 - t0):.1f} states drawn a second, "
              f"{(epoch1 - epoch0) / (t1 - t0):.0f} epochs a second; {(draw1 - draw0) / states:.1f} ms to draw "
              f"a state of {(bytes1 - bytes0) / states / 1000:.0f} kB (over {seconds} s, load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dive", required=True)
    parser.add_argument("--interop-python")
    parser.add_argument("--screenshots")
    parser.add_argument("--measure-rate", action="store_true")
    arguments = parser.parse_args()
    if arguments.screenshots:
        os.makedirs(arguments.screenshots, exist_ok=True)
    suite = PlaygroundBrowserTest(arguments.dive, arguments.interop_python, arguments.screenshots)
    checks = [name for name in dir(suite) if name.startswith("test_")]
    checks.sort(key=lambda name: PlaygroundBrowserTest.__dict__[name].__code__.co_firstlineno)
    passed = failed = 0
    try:
        for name in checks:
            suite.report = ""
            start = time.time()
            try:
                getattr(suite, name)()
            except Exception as error:  # a failed check, or Selenium's own error: report it, go on
                failed += 1
                detail = str(error) if isinstance(error, Failure) else traceback.format_exc(limit=2)
                print(f"✘ {name} ({time.time() - start:.1f} s): {detail}", flush=True)
                suite.shoot(f"failed-{name}.png")
            else:
                passed += 1
                print(f"✔ {name} ({time.time() - start:.1f} s){': ' + suite.report if suite.report else ''}", flush=True)
        if arguments.measure_rate:
            suite.measure_rate("default 4-2", "seed=1")
            suite.measure_rate("6 layers of 8", "networkShape=8,8,8,8,8,8&dataset=spiral&x=true&y=true&xSquared=true"
                               "&ySquared=true&sinX=true&sinY=true&seed=1")
    finally:
        suite.close()
    print(f"browser tests: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
