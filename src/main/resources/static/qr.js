// Gapdesk QR page (/qr): the webcam sends frames to the kiosk, which decodes them (ZXing, on the server)
// and answers the scan's progress; the scan field sends each scanned line as it ends with Enter.
// Only one request is in flight at a time; frames are taken at most every FRAME_MS.
(function () {
  "use strict";

  var FRAME_MS = 220;
  var WIDTH = 640;
  var HEIGHT = 480;

  var csrfMeta = document.querySelector("meta[name=csrf-token]");
  var status = document.getElementById("qr-status");
  if (!csrfMeta || !status || !window.fetch) {
    return;
  }
  var csrf = csrfMeta.getAttribute("content");

  function show(answer) {
    status.innerHTML = answer.html;
  }

  function note(text) {
    var p = document.getElementById("qr-camera-note");
    if (p) {
      p.textContent = text;
    }
  }

  function post(url, body, contentType) {
    var headers = { "X-CSRF-Token": csrf, "Accept": "application/json" };
    if (contentType) {
      headers["Content-Type"] = contentType;
    }
    return fetch(url, { method: "POST", credentials: "same-origin", cache: "no-store", headers: headers,
        body: body })
      .then(function (r) {
        return r.json().then(function (j) {
          if (!r.ok) {
            throw new Error(j.message || j.title || ("the kiosk answered " + r.status));
          }
          return j;
        });
      });
  }

  // Webcam.
  var startButton = document.getElementById("qr-camera-start");
  var stopButton = document.getElementById("qr-camera-stop");
  var video = document.getElementById("qr-video");
  var canvas = document.getElementById("qr-canvas");
  var stream = null;
  var timer = null;
  var busy = false;

  function tick() {
    timer = window.setTimeout(tick, FRAME_MS);
    if (busy || !stream || video.readyState < 2) {
      return;
    }
    busy = true;
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    canvas.getContext("2d").drawImage(video, 0, 0, WIDTH, HEIGHT);
    canvas.toBlob(function (blob) {
      if (!blob) {
        busy = false;
        return;
      }
      post("/api/qr/frame", blob, "image/jpeg")
        .then(show)
        .catch(function (e) {
          note("Webcam frame not read: " + e.message);
        })
        .then(function () {
          busy = false;
        });
    }, "image/jpeg", 0.9);
  }

  function start() {
    navigator.mediaDevices.getUserMedia({ video: { width: { ideal: WIDTH }, height: { ideal: HEIGHT } },
        audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false;
        return video.play();
      })
      .then(function () {
        startButton.hidden = true;
        stopButton.hidden = false;
        note("Camera on: reading codes.");
        window.clearTimeout(timer);
        tick();
      })
      .catch(function (e) {
        note("The camera cannot be used (" + (e.name || e.message) + "); use photos, the scanner or paste.");
      });
  }

  function stop() {
    window.clearTimeout(timer);
    timer = null;
    if (stream) {
      stream.getTracks().forEach(function (t) {
        t.stop();
      });
    }
    stream = null;
    video.hidden = true;
    stopButton.hidden = true;
    startButton.hidden = false;
    note("Camera off.");
  }

  if (startButton && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    startButton.hidden = false;
    note("Press Start camera; the browser may ask to allow it.");
    startButton.addEventListener("click", start);
    stopButton.addEventListener("click", stop);
  } else {
    note("No camera access in this browser; use photos, the scanner or paste.");
  }

  // Handheld scanner: each line (ended by Enter) is sent as it comes; lines typed meanwhile wait their turn.
  var scanForm = document.getElementById("qr-scan-form");
  var scanInput = document.getElementById("qr-scan");
  var queue = [];
  var sending = false;

  function sendLines() {
    if (sending || queue.length === 0) {
      return;
    }
    sending = true;
    var body = new URLSearchParams();
    body.set("text", queue.join("\n"));
    queue = [];
    post("/api/qr/lines", body, "application/x-www-form-urlencoded")
      .then(show)
      .catch(function (e) {
        status.insertAdjacentHTML("afterbegin", "<p class=\"problem-line\"></p>");
        status.firstChild.textContent = e.message;
      })
      .then(function () {
        sending = false;
        sendLines();
      });
  }

  if (scanForm && scanInput) {
    scanForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var line = scanInput.value;
      scanInput.value = "";
      if (line.trim() !== "") {
        queue.push(line);
        sendLines();
      }
    });
  }
})();
