import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The build goes to dist/, which Maven packages as META-INF/resources/ so that the all-in-one serves it at "/".
// `npm run dev` serves the sources with the API of a running system (./run.sh) behind the same origin.
export default defineConfig({
  plugins: [vue()],
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Element Plus and ECharts change less often than the pages: separate files stay cached between releases.
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          if (id.includes('node_modules/')) return 'vendor'
        }
      }
    }
  },
  server: {
    proxy: { '/api': process.env.FOI_API || 'http://localhost:8080' }
  }
})
