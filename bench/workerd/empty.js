// The same worker without the package: the baseline the cold start is measured against.
export default {
  fetch() {
    return new Response('ok');
  },
};
