import { render } from "preact";
import { httpApi } from "./api.js";
import { Workbench } from "./Workbench.js";
import "../styles.css";
import "./workbench.css";

render(<Workbench api={httpApi()} />, document.getElementById("app")!);
