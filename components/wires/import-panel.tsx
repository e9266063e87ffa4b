"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { BORDERED } from "@/components/ui/control";
import { MAX_PASTED_STORIES } from "@/lib/domain/wire/paste";
import { apiErrorMessage } from "@/lib/schemas/errors";
import type { ActionResult, PasteItemResult } from "@/lib/schemas/results";

type FileState =
  | { name: string; status: "uploading"; progress: number }
  | { name: string; status: "imported" | "duplicate" | "new-version"; id: string; title: string | null }
  | { name: string; status: "error"; message: string };

const OUTCOME_LABEL = { imported: "Imported", duplicate: "Already imported", "new-version": "Imported as a new version" } as const;
const PASTE_OUTCOME = { created: "imported", duplicate: "already imported", "new-version": "imported as a new version" } as const;

/** Uploads one file to the import API, reporting progress; resolves with its outcome, never rejects. */
function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<FileState> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/v1/wires");
    request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    request.setRequestHeader("X-Filename", encodeURIComponent(file.name));
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      let body: { id?: string; title?: string; outcome?: string } = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // fall through to the generic message
      }
      if (request.status === 200 || request.status === 201) {
        const status = body.outcome === "new-version" ? "new-version" : request.status === 200 ? "duplicate" : "imported";
        resolve({ name: file.name, status, id: body.id ?? "", title: body.title ?? null });
      } else {
        resolve({ name: file.name, status: "error", message: apiErrorMessage(body, `The server answered ${request.status}.`) });
      }
    };
    request.onerror = () => resolve({ name: file.name, status: "error", message: "Could not reach Factdesk; try again." });
    request.send(file);
  });
}

export function ImportPanel({ importPasted }: { importPasted: (text: string) => Promise<ActionResult<PasteItemResult[]>> }) {
  const router = useRouter();
  const [files, setFiles] = useState<FileState[]>([]);
  const [dragging, setDragging] = useState(false);
  const [pasteResults, setPasteResults] = useState<PasteItemResult[] | null>(null);
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const textRef = useRef<HTMLTextAreaElement>(null);

  async function importFiles(list: FileList | File[]) {
    const chosen = Array.from(list);
    if (chosen.length === 0) return;
    const offset = files.length;
    setFiles((current) => [...current, ...chosen.map((file) => ({ name: file.name, status: "uploading" as const, progress: 0 }))]);
    // One at a time keeps progress readable and the server unhurried; one failure doesn't stop the rest.
    for (const [index, file] of chosen.entries()) {
      const outcome = await uploadFile(file, (progress) =>
        setFiles((current) => current.map((state, i) => (i === offset + index && state.status === "uploading" ? { ...state, progress } : state))),
      );
      setFiles((current) => current.map((state, i) => (i === offset + index ? outcome : state)));
    }
    router.refresh();
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void importFiles(event.dataTransfer.files);
  }

  function onPasteSubmit() {
    const text = textRef.current?.value ?? "";
    startTransition(async () => {
      const result = await importPasted(text);
      if (!result.ok) {
        setPasteError(result.error);
        setPasteResults(null);
        return;
      }
      setPasteError(null);
      setPasteResults(result.data);
      if (result.data.every((item) => item.ok) && textRef.current) textRef.current.value = "";
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="import-heading" className="mb-8 grid gap-4 rounded-lg border border-neutral-200 bg-white p-4 lg:grid-cols-2">
      <h2 id="import-heading" className="text-base font-semibold lg:col-span-2">
        Import wire stories
      </h2>
      <div>
        <label htmlFor="paste" className="block text-sm font-medium">
          Paste wire copy
        </label>
        <p className="text-xs text-neutral-500">
          One story, or up to {MAX_PASTED_STORIES} separated by a line with three dashes (---).
        </p>
        <textarea id="paste" ref={textRef} rows={7} className={`mt-1 block w-full ${BORDERED} p-2 font-mono text-xs`} />
        <Button className="mt-2" onClick={onPasteSubmit} disabled={pending}>
          {pending ? "Importing…" : "Import pasted text"}
        </Button>
        {pasteError ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {pasteError}
          </p>
        ) : null}
        {pasteResults ? (
          <ul aria-label="Pasted stories" className="mt-2 space-y-1 text-sm">
            {pasteResults.map((item) => (
              <li key={item.index}>
                Story {item.index + 1}:{" "}
                {item.ok ? (
                  <a className="text-blue-700 underline" href={`/wires/${item.result.story.id}`}>
                    {PASTE_OUTCOME[item.result.outcome]} — {item.result.story.title}
                  </a>
                ) : (
                  <span className="text-red-700">{item.error}</span>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div>
        <p className="text-sm font-medium" id="files-label">
          Files
        </p>
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
          className={`mt-1 flex h-36 flex-col items-center justify-center rounded-md border-2 border-dashed text-sm ${dragging ? "border-blue-600 bg-blue-50" : "border-neutral-300"}`}
        >
          <p>Drop .txt, .json (ninjs) or .xml (NewsML-G2, NITF) files here</p>
          <label className={`mt-2 cursor-pointer ${BORDERED} px-3 py-1.5 font-medium hover:bg-neutral-100 focus-within:outline-2 focus-within:outline-blue-700`}>
            Choose files
            <input
              type="file"
              multiple
              accept=".txt,.json,.xml,text/plain,application/json,application/xml,text/xml"
              className="sr-only"
              aria-labelledby="files-label"
              onChange={(event) => {
                if (event.target.files) void importFiles(event.target.files);
                event.target.value = "";
              }}
            />
          </label>
        </div>
        {files.length ? (
          <ul aria-label="File imports" className="mt-2 space-y-1 text-sm">
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`} data-status={file.status} className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs">{file.name}</span>
                {file.status === "uploading" ? (
                  <progress max={1} value={file.progress} aria-label={`Uploading ${file.name}`} className="h-2 w-24" />
                ) : file.status === "error" ? (
                  <span className="text-red-700">{file.message}</span>
                ) : (
                  <a href={`/wires/${file.id}`} className="text-green-800 underline">
                    {OUTCOME_LABEL[file.status === "imported" ? "imported" : file.status]}
                    {file.title ? ` — ${file.title}` : ""}
                  </a>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
