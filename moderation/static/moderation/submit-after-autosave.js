// A new page: Wagtail's first autosave creates it and then points the form at its edit view.
// A save or submit clicked while that autosave is on its way would post the create form again
// (a second page, or "Deze slug is al in gebruik"). Such a click waits for the autosave to answer,
// then posts the form to where it points by then.
(() => {
  const WAIT_AT_MOST_MS = 15000;
  let pending = 0;
  let answered = [];

  document.addEventListener('w-autosave:save', () => {
    pending += 1;
  });
  ['w-autosave:success', 'w-autosave:error'].forEach((name) => {
    document.addEventListener(name, () => {
      pending = Math.max(0, pending - 1);
      if (!pending) {
        answered.forEach((resolve) => resolve());
        answered = [];
      }
    });
  });

  const autosaveAnswered = () =>
    new Promise((resolve) => {
      answered.push(resolve);
      setTimeout(resolve, WAIT_AT_MOST_MS);
    });

  // The button may be replaced (the autosave redraws the footer) or disabled (its spinner) by
  // now: its name and value go along in a hidden field.
  const resubmit = (form, submitter) => {
    if (submitter && submitter.name) {
      const field = document.createElement('input');
      field.type = 'hidden';
      field.name = submitter.name;
      field.value = submitter.value;
      form.append(field);
    }
    form.requestSubmit();
  };

  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!pending || !form.matches('form[data-edit-form]')) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const { submitter } = event;
      autosaveAnswered().then(() => resubmit(form, submitter));
    },
    true,
  );
})();
