import { render } from "preact";
// The bundled logs ship as files of their own (fetched and parsed by the worker), not as strings
// inside the JavaScript: the app's code stays small and a log is read off the main thread.
import exampleUrl from "@rapk/examples/loka-pom-rejang-lebong-2024-history.ndjson?url";
import seedUrl from "@rapk/examples/loka-pom-rejang-lebong-2024.ndjson?url";
import { App } from "./App.js";
import { workerLoader } from "./model/workerLoader.js";
import "./styles.css";

const example = { url: exampleUrl, name: "loka-pom-rejang-lebong-2024-history.ndjson" };
const seed = { url: seedUrl, name: "loka-pom-rejang-lebong-2024.ndjson" };

render(<App loader={workerLoader} initial={example} bundled={{ example, seed }} syncUrl />, document.getElementById("app")!);
