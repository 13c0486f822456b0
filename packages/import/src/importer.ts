import { name, version } from "../package.json";

/** The importer as a version records it (`importer`): `@rapk/import@0.1.0`, from package.json at build. */
export const IMPORTER = `${name}@${version}`;
