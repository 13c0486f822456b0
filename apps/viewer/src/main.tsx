import { render } from "preact";
// The bundled example ships as a file of its own (fetched and parsed by the worker), not as a
// string inside the JavaScript: the app's code stays small and the log is read off the main thread.
import exampleUrl from "@rapk/examples/loka-pom-rejang-lebong-2024-history.ndjson?url";
import { App } from "./App.js";
import { workerLoader } from "./model/workerLoader.js";
import "./styles.css";

render(<App loader={workerLoader} initial={{ url: exampleUrl, name: "loka-pom-rejang-lebong-2024-history.ndjson" }} />, document.getElementById("app")!);
