import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider, createTheme } from '@mantine/core';
import { useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { CatalogPage } from '../features/catalog/CatalogPage';
import { ProductPage } from '../features/catalog/ProductPage';
import { createApolloClient } from './apollo';
import { Shell } from './Shell';

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'md' });

export function App() {
  const client = useMemo(createApolloClient, []);
  return (
    <ApolloProvider client={client}>
      <MantineProvider theme={theme}>
        <BrowserRouter>
          <Routes>
            <Route element={<Shell />}>
              <Route index element={<Navigate to="/catalog" replace />} />
              <Route path="catalog" element={<CatalogPage />} />
              <Route path="catalog/products/:productId" element={<ProductPage />} />
              <Route path="*" element={<Navigate to="/catalog" replace />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </MantineProvider>
    </ApolloProvider>
  );
}
