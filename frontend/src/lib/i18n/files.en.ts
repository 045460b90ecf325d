// The words of files in English (see files.ts).
import type { filesFa } from './files';

export const filesEn: typeof filesFa = {
  title: 'Documents and photos',
  listLabel: 'Files of {{owner}}',
  empty: 'No files yet.',
  add: {
    legend: 'Add a file',
    drop: 'Drag and drop files here, or',
    dropActive: 'Drop to start uploading.',
    choose: 'Choose files',
    accepted: 'PDF, PNG, JPEG, WebP, ODT or DOCX. Each file’s type is told from its content, not its name.',
    description: 'Short description',
    descriptionHint: 'Up to 300 characters, Persian or English; for the files you choose next.',
    kind: 'What is this file?',
    kindProposal: 'A document of the idea itself (proposal, plan, letter of intent)',
    kindEvidence: 'Evidence of my tie with the target city (admission, trade licence, letter)',
    identifying: 'This file shows my name or who I am',
    identifyingHint: 'Reviewers of a blind call never see it, and it is not made public if the idea is selected.',
    internal: 'Internal: staff only',
    internalHint: 'Everyone sees the other files.',
  },
  idea: {
    blindNote:
      'This call is reviewed blind: reviewers never see evidence of your tie nor files you mark as identifying, and they see the idea’s documents under a neutral name (such as proposal-1.pdf). A document may still name you in its properties (the “author” field); if it does, we say so here after the upload.',
    openNote:
      'Reviewers of this call see the idea’s documents and the evidence of your tie. A document may name you in its properties (the “author” field); if it does, we say so here after the upload.',
  },
  tie: {
    title: 'Evidence of my ties',
    lead: 'For each tie with a city abroad you may add evidence (a university admission, a trade licence, a partner’s letter). Only you and staff see it.',
    none: 'First record a tie in your citizen profile and save it; then add its evidence here.',
    heading: '{{city}}, {{country}} ({{nature}})',
  },
  progress: {
    label: 'Uploading {{name}}',
    percent: '{{n}}%',
    cancel: 'Cancel',
    cancelLabel: 'Cancel uploading {{name}}',
    cancelled: 'Uploading “{{name}}” was cancelled.',
    failed: '“{{name}}” was not uploaded.',
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss the error of {{name}}',
    added: '“{{name}}” was added.',
  },
  item: {
    preview: 'Preview of {{name}}',
    download: 'Download',
    size: 'Size',
    type: 'Type',
    uploadedAt: 'Uploaded',
    identifying: 'Identifying',
    internal: 'Internal',
    author:
      'This document’s properties name its author as “{{author}}”, which anyone who opens it can read. If reviewers should not know it is yours, remove it, clear the author field in the document’s properties and upload it again.',
    authorPlain: 'This document’s properties name its author as “{{author}}”, which anyone who opens it can read.',
    remove: 'Remove',
    removeLabel: 'Remove {{name}}',
  },
  remove: {
    title: 'Remove the file',
    question: 'Remove “{{name}}”? It leaves the list and its links stop working.',
    confirm: 'Yes, remove it',
    removed: '“{{name}}” was removed.',
  },
  fields: {
    file: 'File',
    description: 'Description',
    kind: 'Kind of file',
    identifying: 'Identifying',
    internal: 'Internal',
  },
  size: { bytes: '{{n}} bytes', kb: '{{n}} KB', mb: '{{n}} MB' },
  types: {
    pdf: 'PDF document',
    png: 'PNG image',
    jpeg: 'JPEG image',
    webp: 'WebP image',
    odt: 'ODT document',
    docx: 'Word document (DOCX)',
    other: 'File',
  },
};
