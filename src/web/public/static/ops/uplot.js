// @ts-check
// The vendored uPlot (/static/vendor/uPlot.iife.min.js) is a classic script that sets window.uPlot, and the
// page's scripts are modules: it is loaded once by adding its <script> (allowed by the policy's
// script-src 'self'), and typed by the declarations of the uplot package it was copied from.

/** @typedef {typeof import("uplot")} UplotConstructor */

/** @type {Promise<UplotConstructor> | null} */
let loading = null;

/** @returns {Promise<UplotConstructor>} */
export function loadUplot() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/static/vendor/uPlot.iife.min.js";
    script.addEventListener("load", () => resolve(/** @type {any} */ (window).uPlot));
    script.addEventListener("error", () => reject(new Error("uPlot did not load")));
    document.head.appendChild(script);
  });
  return loading;
}
