// TSA Coach Gateway console: uploads with progress, live import progress, the held-import
// confirmation, and scrolling to the first error. Served by the gateway; no library.

const minutesLeft = (seconds) =>
  seconds < 60
    ? `${Math.max(1, Math.round(seconds))} s left`
    : `${Math.round(seconds / 60)} min left`;

function followImport(form, id, reportUrl) {
  const status = form.querySelector("[data-status]");
  const bar = form.querySelector("[data-progress] progress:last-of-type");
  const started = Date.now();
  const poll = async () => {
    const job = await (
      await fetch(`/console/imports/${id}/status`, { credentials: "same-origin" })
    ).json();
    const { bytesDone, bytesTotal, rowsDone, currentFile } = job.progress;
    if (job.status === "queued" || job.status === "running") {
      const share = bytesTotal ? bytesDone / bytesTotal : 0;
      bar.value = Math.round(share * 100);
      const elapsed = (Date.now() - started) / 1000;
      const left =
        share > 0 ? minutesLeft((elapsed / share) * (1 - share)) : "estimating time left";
      status.textContent = `Importing ${currentFile ?? ""}: ${rowsDone.toLocaleString()} rows read, ${bar.value}% of the package, ${left}.`;
      setTimeout(poll, 500);
      return;
    }
    bar.value = 100;
    if (job.held.length > 0) {
      status.textContent = "The import is held: nothing was changed.";
      form.querySelector("[data-held-reason]").textContent = job.held.join(" ");
      form.querySelector("[data-held]").hidden = false;
      form.querySelector("[data-confirm]").focus();
      return;
    }
    status.textContent = `Import ${job.status}. Opening the report…`;
    window.location.assign(reportUrl);
  };
  poll();
}

function send(form, file, force) {
  const dryRun = form.querySelector("[name=dryRun]")?.checked;
  const url = `${form.action}${dryRun ? "&dryRun=true" : ""}${force ? "&force=true" : ""}`;
  const body = new FormData();
  body.append("file", file, file.name);
  const panel = form.querySelector("[data-progress]");
  const uploadBar = panel.querySelector("progress");
  const status = panel.querySelector("[data-status]");
  panel.hidden = false;
  panel.querySelector("[data-held]").hidden = true;
  const request = new XMLHttpRequest();
  request.open("POST", url);
  request.upload.addEventListener("progress", (event) => {
    if (event.lengthComputable) uploadBar.value = Math.round((event.loaded / event.total) * 100);
    status.textContent = `Uploading ${file.name}: ${uploadBar.value}%`;
  });
  request.addEventListener("load", () => {
    if (request.status !== 202) {
      let detail = request.responseText;
      try {
        detail = JSON.parse(detail).detail ?? detail;
      } catch {}
      status.textContent = `The upload was refused: ${detail}`;
      return;
    }
    uploadBar.value = 100;
    const job = JSON.parse(request.responseText);
    followImport(form, job.id, job.report);
  });
  request.addEventListener("error", () => {
    status.textContent = "The upload failed: the connection was lost. Try again.";
  });
  request.send(body);
}

for (const form of document.querySelectorAll("form[data-upload]")) {
  const input = form.querySelector("input[type=file]");
  const drop = form.querySelector("[data-drop]");
  for (const button of form.querySelectorAll("[data-needs-script]")) button.disabled = false;
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    input.files = event.dataTransfer.files;
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = input.files[0];
    if (file) send(form, file, form.dataset.force === "true");
  });
  form.querySelector("[data-confirm]").addEventListener("click", () => {
    const file = input.files[0];
    if (file) send(form, file, true);
  });
}

const pending = document.querySelector("[data-poll]");
if (pending) {
  const check = async () => {
    const job = await (await fetch(pending.dataset.poll, { credentials: "same-origin" })).json();
    if (job.status === "queued" || job.status === "running") setTimeout(check, 1000);
    else window.location.reload();
  };
  check();
}

const firstError = document.getElementById("first-error");
if (firstError) {
  firstError.scrollIntoView({ block: "center" });
  firstError.focus({ preventScroll: true });
}
