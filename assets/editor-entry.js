// Entry point of the editor bundle: CodeMirror 6 with the SPARQL mode,
// exposed as window.UnkgEditor for assets/portal/editor.js.
import { EditorView, basicSetup } from "codemirror";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";

window.UnkgEditor = {
  create(parent, doc) {
    return new EditorView({ doc, extensions: [basicSetup, StreamLanguage.define(sparql)], parent });
  },
};
